package org.articula.platform.csv;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes a {@link CsvTable} as the body of a {@code text/csv} answer, as a download ("attachment") under
 * the table's file name. Errors never get here: they are problem+json whatever the client accepts.
 */
@Provider
@Produces(CsvTable.MEDIA_TYPE)
public class CsvTableWriter implements MessageBodyWriter<CsvTable> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return CsvTable.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(CsvTable table, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream body) throws IOException {
        headers.putSingle(HttpHeaders.CONTENT_TYPE, CsvTable.MEDIA_TYPE + ";charset=UTF-8");
        headers.putSingle("Content-Disposition", "attachment; filename=\"" + table.fileName() + "\"");
        table.writeTo(body);
    }
}
