package org.articula.contracts.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PeruvianMobileTest {

    @Test
    void onlyPlusFiftyOneThenNineDigitsStartingWithNineIsAMobile() {
        assertNull(PeruvianMobile.problemWith("+51987654321"));
        for (String refused : new String[] { "987654321", "+51 812345678", "+51812345678", "+51 987654321",
                "+5198765432", "+519876543210", "51987654321", "+52987654321", "", null }) {
            assertEquals(PeruvianMobile.MESSAGE, PeruvianMobile.problemWith(refused), String.valueOf(refused));
        }
    }

    @Test
    void optingInWithoutAChannelMeansSmsAndOptingOutKeepsTheChoice() {
        Producer p = new Producer();
        p.preferNotices(true, null);
        assertEquals(NoticeChannel.SMS, p.noticeChannel);
        p.preferNotices(null, NoticeChannel.WHATSAPP);
        assertEquals(false, p.noticesOptIn);
        assertEquals(NoticeChannel.WHATSAPP, p.noticeChannel);
    }
}
