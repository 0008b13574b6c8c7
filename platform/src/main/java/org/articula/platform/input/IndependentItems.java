package org.articula.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.articula.platform.problem.Problem;
import org.articula.platform.problem.ProblemMappers;

/**
 * The items of a batch, each read on its own: an item that cannot be read (a control character in a
 * text, a value of the wrong type) stays in its place as {@code null} with the problem that refuses it,
 * named from the item ({@code readings[0].instrument}; a key given twice in one of its objects too),
 * and the others are read as usual. A body that is
 * not JSON at all is still refused whole. Put {@code @JsonDeserialize(using = IndependentItems.Reader.class)}
 * on the list; the service asks {@link #unreadable(List, int)} for each position.
 */
public final class IndependentItems<T> extends ArrayList<T> {

    private final Map<Integer, Problem> unreadable = new HashMap<>();

    /** Why the item at {@code index} could not be read, or null when it was (or the list was not read so). */
    public static Problem unreadable(List<?> items, int index) {
        return items instanceof IndependentItems<?> independent ? independent.unreadable.get(index) : null;
    }

    public static final class Reader extends StdDeserializer<List<Object>> implements ContextualDeserializer {

        private final JsonDeserializer<Object> items;

        public Reader() {
            this(null);
        }

        private Reader(JsonDeserializer<Object> items) {
            super(List.class);
            this.items = items;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            JavaType list = property != null ? property.getType() : ctxt.getContextualType();
            return new Reader(ctxt.findContextualValueDeserializer(list.getContentType(), property));
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<Object> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartArrayToken()) {
                return (List<Object>) ctxt.handleUnexpectedToken(List.class, p);
            }
            IndependentItems<Object> read = new IndependentItems<>();
            // The parser's own duplicate-key check throws from the middle of a key, where reading cannot go
            // on to the next item: inside the list, keys are checked item by item here instead.
            boolean strict = p.isEnabled(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY
                    && token != null; token = p.nextToken()) {
                if (token == JsonToken.VALUE_NULL) {
                    read.add(null);
                    continue;
                }
                TokenBuffer item = ctxt.bufferForInputBuffering(p);
                String duplicate = copyItem(p, item, strict);
                if (duplicate != null) {
                    read.unreadable.put(read.size(), ProblemMappers.duplicateKey(duplicate));
                    read.add(null);
                    continue;
                }
                try (JsonParser itemParser = item.asParserOnFirstToken()) {
                    read.add(items.deserialize(itemParser, ctxt));
                } catch (JsonMappingException e) { // not JSON at all (a JsonParseException) goes on up
                    read.unreadable.put(read.size(), ProblemMappers.unreadable(e));
                    read.add(null);
                }
            }
            if (strict) {
                p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            }
            return read;
        }

        // Copies the item the parser is on, whole; the path of its first key given twice in one object
        // (readings[0].value), or null.
        private static String copyItem(JsonParser p, TokenBuffer into, boolean checkKeys) throws IOException {
            Deque<Set<String>> keys = new ArrayDeque<>();
            String duplicate = null;
            int depth = 0;
            do {
                JsonToken token = p.currentToken();
                if (token == JsonToken.START_OBJECT) {
                    keys.push(new HashSet<>());
                } else if (token == JsonToken.END_OBJECT) {
                    keys.pop();
                } else if (token == JsonToken.FIELD_NAME && checkKeys && duplicate == null
                        && !keys.peek().add(p.currentName())) {
                    duplicate = ProblemMappers.jsonPath(p.getParsingContext(), depth);
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
                into.copyCurrentEvent(p);
            } while (depth > 0 && p.nextToken() != null);
            return duplicate;
        }
    }
}
