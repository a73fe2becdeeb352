package org.voarchive.adql;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The user-defined functions a service accepts in ADQL, by name. */
public final class FunctionRegistry {

    private final Map<String, UserDefinedFunction> functions = new LinkedHashMap<>();

    public FunctionRegistry(Collection<UserDefinedFunction> functions) {
        for (UserDefinedFunction f : functions) {
            if (BuiltInFunction.named(f.name()).isPresent() || ReservedWords.isReserved(f.name())) {
                throw new IllegalArgumentException("a user-defined function cannot be called " + f.name()
                    + ": the name is an ADQL built-in or reserved word");
            }
            if (this.functions.putIfAbsent(f.name(), f) != null) {
                throw new IllegalArgumentException("user-defined function " + f.name() + " declared twice");
            }
        }
    }

    public static FunctionRegistry empty() {
        return new FunctionRegistry(List.of());
    }

    public Optional<UserDefinedFunction> get(String name) {
        return Optional.ofNullable(functions.get(name.toLowerCase(Locale.ROOT)));
    }

    public Collection<UserDefinedFunction> all() {
        return List.copyOf(functions.values());
    }
}
