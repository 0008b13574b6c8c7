package org.articula.contracts.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncentiveRuleTest {

    private static List<String> fields(IncentiveRule rule, boolean hasCommitment) {
        return rule.problems(hasCommitment).stream().map(p -> p[0]).toList();
    }

    @Test
    void eachKindStatesWhatItNeedsAndNothingElse() {
        assertEquals(List.of(), fields(new IncentiveRule(IncentiveKind.ACCEPTANCE_BONUS, 2, new BigDecimal("95"),
                new BigDecimal("0.02"), null), false));
        assertEquals(List.of("bonusPerUnit", "action"), fields(new IncentiveRule(IncentiveKind.ACCEPTANCE_BONUS, 2,
                new BigDecimal("95"), null, SanctionAction.WARNING), true));
        assertEquals(List.of(), fields(new IncentiveRule(IncentiveKind.UNDER_COMMITMENT, 3, null, null,
                SanctionAction.SUSPENSION_PROPOSED), true));
        // under commitment needs a commitment, and an action
        assertEquals(List.of("action", "kind"), fields(new IncentiveRule(IncentiveKind.UNDER_COMMITMENT, 3, null,
                null, null), false));
        assertEquals(List.of("minAcceptancePercent"), fields(new IncentiveRule(IncentiveKind.UNDER_COMMITMENT, 3,
                new BigDecimal("95"), null, SanctionAction.WARNING), true));
    }
}
