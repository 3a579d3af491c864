package io.amoc.config;

/** Converts a configured literal to the type of a caller's default. */
final class ValueConversion {

    private ValueConversion() {
    }

    static Object convert(String key, Object value, Class<?> wanted) {
        if (wanted.isInstance(value)) {
            return value;
        }
        if (wanted == String.class) {
            return value instanceof String s ? s : Literal.format(value);
        }
        boolean infinite = value instanceof Double d && d.isInfinite() && d > 0;
        if (wanted == Long.class) {
            if (infinite) {
                return Long.MAX_VALUE;
            }
            if (value instanceof Integer i) {
                return i.longValue();
            }
        }
        if (wanted == Integer.class) {
            if (infinite) {
                return Integer.MAX_VALUE;
            }
            if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                return l.intValue();
            }
        }
        if (wanted == Double.class && value instanceof Number n) {
            return n.doubleValue();
        }
        throw new ConfigValueException(key, value, wanted);
    }
}
