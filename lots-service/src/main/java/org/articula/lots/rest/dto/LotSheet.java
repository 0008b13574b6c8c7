package org.articula.lots.rest.dto;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.List;

/** Lots with their totals per product, unit and verdict (voided lots listed, not counted). */
public record LotSheet(List<LotReceipt> lots, List<Total> totals) {

    public record Total(String product, String unit, String verdict, long lots,
            @Digits(integer = 16, fraction = 3) BigDecimal quantity) {
    }
}
