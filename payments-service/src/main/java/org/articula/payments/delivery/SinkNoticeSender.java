package org.articula.payments.delivery;

import org.articula.payments.domain.NoticeRecipient;
import org.jboss.logging.Logger;

/**
 * The sender when no provider is configured (locally, in tests): writes to the log what would be sent, the
 * notice id, channel and length with the number masked and without the text, and calls it sent.
 */
public class SinkNoticeSender implements NoticeSender {

    private static final Logger LOG = Logger.getLogger(SinkNoticeSender.class);

    @Override
    public SendResult send(OutgoingMessage message) {
        LOG.infof("notice %s would be sent by %s to %s (%d characters)", message.noticeId(), message.channel(),
                NoticeRecipient.masked(message.phone()), message.body().length());
        return SendResult.sent("sink-" + message.noticeId());
    }
}
