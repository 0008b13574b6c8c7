package org.articula.payments.mapping;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.Objects;

/**
 * A list whose size is known ahead and whose elements are read once, in order, as they are asked for: what
 * Jackson needs to write a JSON array of rows still coming from the database, without holding them all.
 * Not {@link java.util.RandomAccess}, so serialisers walk it with its iterator; a second walk is refused.
 */
final class OnePassList<T> extends AbstractList<T> {

    private final int size;
    private Iterator<T> source;

    OnePassList(int size, Iterator<T> source) {
        this.size = size;
        this.source = Objects.requireNonNull(source);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<T> iterator() {
        if (source == null) {
            throw new IllegalStateException("the rows of this list were read already");
        }
        Iterator<T> once = source;
        source = null;
        return once;
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("read in order with iterator(), once");
    }
}
