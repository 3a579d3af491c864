package io.amoc.shell.language;

import java.util.Map;

/**
 * amoc's own Erlang spellings, for users who come from it: {@code amoc_local:add(10).} is {@code local.add(10)},
 * {@code amoc_dist:...} is {@code dist....}. (Proplists such as {@code [{force,true}]} are read by the parser.)
 */
final class AmocSpellings {

    private static final Map<String, String> MODULES = Map.of(
            "amoc_local:", "local.",
            "amoc_dist:", "dist.",
            "amoc_config:", "config.");

    private AmocSpellings() {
    }

    /** The shell's name for {@code name}, which may be written amoc's way. */
    static String translate(String name) {
        for (Map.Entry<String, String> module : MODULES.entrySet()) {
            if (name.startsWith(module.getKey())) {
                return module.getValue() + name.substring(module.getKey().length());
            }
        }
        return name;
    }
}
