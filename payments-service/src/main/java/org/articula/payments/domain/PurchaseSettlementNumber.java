package org.articula.payments.domain;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The number of a purchase settlement ("liquidación de compra"), as SUNAT numbers electronic ones: a series of 4
 * characters and a correlative of up to 8 digits, written {@code E001-00000042}. An organisation's numbers in a
 * series run from 1 without gaps (docs/decisions/0031-purchase-ledger.md).
 */
public record PurchaseSettlementNumber(String series, int number) {

    /** The series every organisation's purchase settlements are numbered in. */
    public static final String SERIES = "E001";
    /** The largest correlative SUNAT's 8 digits hold. */
    public static final int LARGEST = 99_999_999;

    private static final Pattern SERIES_TEXT = Pattern.compile("[A-Z][A-Z0-9]{3}");

    public PurchaseSettlementNumber {
        if (series == null || !SERIES_TEXT.matcher(series).matches()) {
            throw new IllegalArgumentException("a series is a capital letter and 3 letters or digits, not " + series);
        }
        if (number < 1 || number > LARGEST) {
            throw new IllegalArgumentException("a correlative runs from 1 to " + LARGEST + ", not " + number);
        }
    }

    /**
     * The {@code count} numbers that follow {@code lastIssued} in the series (0 when none was issued yet): the next
     * ones, in order, none skipped. A series that would run past {@link #LARGEST} is refused whole.
     */
    public static List<PurchaseSettlementNumber> following(String series, int lastIssued, int count) {
        if (lastIssued < 0 || count < 0) {
            throw new IllegalArgumentException("last issued " + lastIssued + ", count " + count);
        }
        if ((long) lastIssued + count > LARGEST) {
            throw new IllegalStateException(
                    "the series " + series + " has no room for " + count + " more numbers after "
                            + lastIssued);
        }
        return IntStream.rangeClosed(lastIssued + 1, lastIssued + count)
                .mapToObj(n -> new PurchaseSettlementNumber(series, n)).toList();
    }

    /** As printed on the document: series, a hyphen and the correlative with 8 digits. */
    @Override
    public String toString() {
        return series + "-" + String.format("%08d", number);
    }
}
