package org.yiwang.services.internal.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.kernel.InvalidInputException;

/**
 * Loads the definition files ({@code yiwang.services.definitions}, by default every {@code services/*.yaml} on the
 * classpath) into the tables when the application starts, before it serves requests.
 *
 * <p>The rule that lets a data admin's page edits survive restarts: a definition from a file is written only when
 * it is new, or when its text in the file differs from what was last loaded from the file (the stored SHA-256 of
 * its canonical JSON). An unchanged file therefore leaves every edit alone; changing a definition in the file
 * replaces that definition (and only that one), edits included. A definition removed from a file stays in the
 * table. An invalid definition is refused with all its reasons in the log and the stored one is kept; the others
 * load. Nodes starting together load one after the other (advisory lock), so each definition is written once.
 */
@Component
class DefinitionFileLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DefinitionFileLoader.class);

    /** What one load did; refusals name the file, the definition and every broken rule. */
    record Report(List<String> written, List<String> unchanged, List<String> refused) {}

    /** One file's text, named for provenance. */
    record Source(String name, String text) {}

    private final ResourcePatternResolver resources;
    private final Definitions definitions;
    private final DefinitionValidator validator;
    private final DefinitionStore store;
    private final ServiceCatalogStates states;
    private final TransactionTemplate transactions;
    private final String locations;

    DefinitionFileLoader(ResourcePatternResolver resources, Definitions definitions, DefinitionValidator validator,
            DefinitionStore store, ServiceCatalogStates states, TransactionTemplate transactions,
            @Value("${yiwang.services.definitions:classpath*:services/*.yaml}") String locations) {
        this.resources = resources;
        this.definitions = definitions;
        this.validator = validator;
        this.store = store;
        this.states = states;
        this.transactions = transactions;
        this.locations = locations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Report report = load(read());
        log.info("service catalog files: {} definitions written, {} unchanged, {} refused",
                report.written().size(), report.unchanged().size(), report.refused().size());
        report.refused().forEach(r -> log.error("service catalog definition refused: {}", r));
    }

    List<Source> read() {
        List<Source> sources = new ArrayList<>();
        for (String location : locations.split(",")) {
            try {
                Resource[] found = resources.getResources(location.strip());
                Arrays.sort(found, Comparator.comparing(Resource::getFilename, Comparator.nullsFirst(String::compareTo)));
                for (Resource r : found) {
                    sources.add(new Source(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read service definitions at " + location, e);
            }
        }
        return sources;
    }

    /** Items first (bundles name them), each checked against the stored ones plus those accepted before it. */
    Report load(List<Source> sources) {
        return transactions.execute(status -> {
            store.lock();
            CatalogState state = states.fresh();
            Map<String, ItemDefinition> items = new LinkedHashMap<>(state.known().items());
            Map<String, BundleDefinition> bundles = new LinkedHashMap<>(state.known().bundles());
            List<String> written = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            Set<String> seen = new HashSet<>();

            List<Map.Entry<String, DefinitionFile>> files = new ArrayList<>();
            for (Source source : sources) {
                try {
                    files.add(Map.entry(source.name(), definitions.file(source.text())));
                } catch (InvalidInputException e) {
                    refused.add(source.name() + ": " + reasons(e));
                }
            }
            for (var file : files) {
                List<ItemDefinition> defs = file.getValue().items();
                for (int i = 0; i < defs.size(); i++) {
                    ItemDefinition d = DefinitionValidator.normalise(defs.get(i));
                    String where = file.getKey() + " items[" + i + "] " + d.code();
                    if (d.code() != null && !seen.add(d.code())) {
                        refused.add(where + ": code duplicate (defined twice in the files)");
                        continue;
                    }
                    String hash = definitions.hash(d);
                    StoredItem stored = state.items().get(d.code());
                    if (stored != null && hash.equals(stored.fileHash())) {
                        unchanged.add(d.code());
                        continue;
                    }
                    try {
                        var valid = validator.item(d, new DefinitionValidator.Known(items, bundles), false);
                        store.putFromFile(valid.definition(), file.getKey(), hash);
                        items.put(d.code(), valid.definition());
                        written.add(d.code());
                    } catch (InvalidInputException e) {
                        refused.add(where + ": " + reasons(e));
                    }
                }
            }
            for (var file : files) {
                List<BundleDefinition> defs = file.getValue().bundles();
                for (int i = 0; i < defs.size(); i++) {
                    BundleDefinition d = DefinitionValidator.normalise(defs.get(i));
                    String where = file.getKey() + " bundles[" + i + "] " + d.code();
                    if (d.code() != null && !seen.add(d.code())) {
                        refused.add(where + ": code duplicate (defined twice in the files)");
                        continue;
                    }
                    String hash = definitions.hash(d);
                    StoredBundle stored = state.bundles().get(d.code());
                    if (stored != null && hash.equals(stored.fileHash())) {
                        unchanged.add(d.code());
                        continue;
                    }
                    try {
                        var valid = validator.bundle(d, new DefinitionValidator.Known(items, bundles), false);
                        store.putFromFile(valid.definition(), file.getKey(), hash);
                        bundles.put(d.code(), valid.definition());
                        written.add(d.code());
                    } catch (InvalidInputException e) {
                        refused.add(where + ": " + reasons(e));
                    }
                }
            }
            if (!written.isEmpty()) states.invalidateAfterCommit();
            return new Report(written, unchanged, refused);
        });
    }

    private static String reasons(InvalidInputException e) {
        return e.violations().stream().map(v -> v.field() + " " + v.rule() + (v.detail() != null ? " (" + v.detail() + ")" : ""))
                .collect(Collectors.joining("; "));
    }
}
