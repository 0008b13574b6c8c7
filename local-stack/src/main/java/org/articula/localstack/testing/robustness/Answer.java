package org.articula.localstack.testing.robustness;

import com.fasterxml.jackson.databind.JsonNode;

/** What the service answered: status, media type (without parameters) and body text. */
record Answer(int status, String mediaType, String body) {

    boolean success() {
        return status >= 200 && status < 300;
    }

    JsonNode json() {
        try {
            return body == null || body.isEmpty() ? null : ApiRequest.JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    static String mediaTypeOf(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase();
    }
}
