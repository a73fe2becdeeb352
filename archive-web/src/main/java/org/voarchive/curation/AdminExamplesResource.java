package org.voarchive.curation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.voarchive.metadata.ExampleRecord;

/** Admin API (role admin): the DALI examples of the TAP service (/tap/examples). */
@Path("admin/metadata/examples")
@RequestScoped
public class AdminExamplesResource extends NamedItemsResource<ExampleRecord> {

    @Inject
    ExampleAdmin examples;

    public AdminExamplesResource() {
        super("example");
    }

    @Override
    protected List<ExampleRecord> list() throws SQLException {
        return examples.examples();
    }

    @Override
    protected Optional<ExampleRecord> find(String name) throws SQLException {
        return examples.example(name);
    }

    @Override
    protected ExampleRecord store(String name, ExampleRecord edit) throws SQLException {
        return examples.put(name, edit, true);
    }

    @Override
    protected boolean remove(String name, Integer version) throws SQLException {
        return examples.delete(name, version);
    }
}
