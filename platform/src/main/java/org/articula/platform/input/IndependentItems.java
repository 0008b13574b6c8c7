package org.articula.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.articula.platform.problem.Problem;
import org.articula.platform.problem.ProblemMappers;

/**
 * The items of a batch, each read on its own: an item that cannot be read (a control character in a
 * text, a value of the wrong type) stays in its place as {@code null} with the problem that refuses it,
 * named from the item ({@code readings[0].instrument}), and the others are read as usual. A body that is
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
            JsonStreamContext array = p.getParsingContext();
            for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY && token != null; token = p.nextToken()) {
                if (token == JsonToken.VALUE_NULL) {
                    read.add(null);
                    continue;
                }
                try {
                    read.add(items.deserialize(p, ctxt));
                } catch (JsonMappingException e) { // not JSON at all (a JsonParseException) goes on up
                    read.unreadable.put(read.size(), ProblemMappers.unreadable(e));
                    read.add(null);
                    while (p.getParsingContext() != array && p.nextToken() != null) {
                        // the rest of the refused item
                    }
                }
            }
            return read;
        }
    }
}
