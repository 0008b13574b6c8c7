package org.articula.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import java.util.Map;
import org.htmlunit.Page;
import org.htmlunit.SilentCssErrorHandler;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.Test;

/**
 * With an OIDC provider (WireMock playing Keycloak): the authorization-code flow at /auth/login, the
 * session in quarkus-oidc's HttpOnly, SameSite=Strict cookie, and no "entrar como".
 */
@QuarkusTest
@TestProfile(OidcSignInTest.WithProvider.class)
class OidcSignInTest {

    public static class WithProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.client-id", "quarkus-web-app",
                    "quarkus.oidc.credentials.secret", "secret");
        }

        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    @TestHTTPResource("/")
    URL app;

    @Test
    void signsInThroughTheProviderAndKeepsTheSessionOutOfScriptsReach() throws Exception {
        try (WebClient browser = new WebClient()) {
            browser.setCssErrorHandler(new SilentCssErrorHandler());
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setRedirectEnabled(true);
            Page options = browser.getPage(new URL(app, "/auth/options"));
            assertEquals("{\"devUsers\":false,\"oidc\":true}", options.getWebResponse().getContentAsString());

            HtmlPage login = browser.getPage(new URL(app, "/auth/login"));
            HtmlForm form = login.getForms().get(0);
            form.getInputByName("username").type("alice");
            form.getInputByName("password").type("alice");
            Page back = form.getInputByValue("login").click();
            assertEquals(app.getPath(), back.getUrl().getPath(), "the flow ends on the app");

            Cookie session = browser.getCookieManager().getCookie("q_session");
            assertNotNull(session, "quarkus-oidc's session cookie");
            assertTrue(session.isHttpOnly());
            assertEquals("strict", String.valueOf(session.getSameSite()).toLowerCase());
            String me = browser.getPage(new URL(app, "/auth/me")).getWebResponse().getContentAsString();
            assertTrue(me.contains("\"name\":\"alice\""), me);
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            assertEquals(404, browser.getPage(new URL(app, "/auth/dev-users")).getWebResponse().getStatusCode(),
                    "no sample users next to a provider");
        }
    }
}
