package org.voarchive.curation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Optional;
import org.voarchive.metadata.FunctionRecord;

/** Admin API (role admin): the operators' ADQL user-defined functions. */
@Path("admin/metadata/functions")
@RequestScoped
public class AdminFunctionsResource extends NamedItemsResource<FunctionRecord> {

    @Inject
    FunctionAdmin functions;

    public AdminFunctionsResource() {
        super("function");
    }

    @Override
    protected List<FunctionRecord> list() {
        return functions.functions();
    }

    @Override
    protected Optional<FunctionRecord> find(String name) {
        return functions.function(name);
    }

    @Override
    protected FunctionRecord store(String name, FunctionRecord edit) {
        return functions.put(name, edit, true);
    }

    @Override
    protected boolean remove(String name, Integer version) {
        return functions.delete(name, version);
    }
}
