package org.articula.payments.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The sender notices go through: Twilio when ARTICULA_NOTICES_TWILIO_ACCOUNT_SID, _AUTH_TOKEN and _FROM are
 * all set (and _WHATSAPP_FROM for WhatsApp), else the sink that only logs what would be sent.
 */
public class NoticeSenders {

    private static final Logger LOG = Logger.getLogger(NoticeSenders.class);

    @ConfigProperty(name = "articula.notices.twilio.account-sid")
    Optional<String> accountSid;
    @ConfigProperty(name = "articula.notices.twilio.auth-token")
    Optional<String> authToken;
    @ConfigProperty(name = "articula.notices.twilio.from")
    Optional<String> smsFrom;
    @ConfigProperty(name = "articula.notices.twilio.whatsapp-from")
    Optional<String> whatsappFrom;
    @ConfigProperty(name = "articula.notices.twilio.base-url", defaultValue = "https://api.twilio.com")
    URI baseUrl;

    @Produces
    @ApplicationScoped
    NoticeSender sender() {
        if (accountSid.isPresent() && authToken.isPresent() && smsFrom.isPresent()) {
            LOG.infof("notices are sent through Twilio at %s", baseUrl);
            return new TwilioNoticeSender(new TwilioNoticeSender.Config(baseUrl, accountSid.get(), authToken.get(),
                    smsFrom.get(), whatsappFrom.orElse(null)));
        }
        LOG.info("no notice provider configured: notices are written to the log only");
        return new SinkNoticeSender();
    }
}
