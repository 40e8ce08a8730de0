package org.yiwang.services.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;
import org.yiwang.services.ServiceCatalog;

/** The rule that keeps a data admin's edits across restarts, and what happens to a bad file. */
@IntegrationTest
class DefinitionFileLoaderTest {

    @Autowired DefinitionFileLoader loader;
    @Autowired StoredServiceCatalog editor;
    @Autowired ServiceCatalog catalog;
    @Autowired Definitions definitions;
    @Autowired JdbcClient jdbc;

    private static String file(String code, int promisedDays) {
        return """
                # a comment does not count as a change
                items:
                  - code: %s
                    nameZh: 文件中的事项
                    department: 310104-SCJG
                    itemType: "01"
                    level: DISTRICT
                    legalDays: 20
                    promisedDays: %d
                    conditions: 条件
                    modes: [ONLINE, WINDOW]
                    fees: 不收费
                    applicantType: LEGAL_ENTITY
                    purpose: MARKET_SUPERVISION
                    elements:
                      - element: entity.name
                      - element: entity.business_scope
                bundles:
                  - code: %s_PAIR
                    nameZh: 文件中的一件事
                    items: [%s, BUSINESS_SCOPE_CHANGE]
                """.formatted(code, promisedDays, code, code);
    }

    @Test
    void anEditSurvivesARestartUntilTheFileChangesThatDefinition() {
        String code = "TEST_FILE_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        var first = loader.load(List.of(new DefinitionFileLoader.Source("test.yaml", file(code, 5))));
        assertThat(first.written()).contains(code, code + "_PAIR");
        assertThat(first.refused()).isEmpty();
        assertThat(catalog.requireItem(code).promisedDays()).isEqualTo(5);
        assertThat(catalog.requireBundle(code + "_PAIR").items()).containsExactly(code, "BUSINESS_SCOPE_CHANGE");

        // a data admin shortens the promised time limit in the page
        ItemDefinition stored = editor.stored(code).orElseThrow().definition();
        editor.save(withPromisedDays(stored, 2), "svccat-admin", false);
        assertThat(editor.stored(code).orElseThrow().edited()).isTrue();

        // restart with the same file (reformatted): the edit stays
        var again = loader.load(List.of(new DefinitionFileLoader.Source("test.yaml",
                file(code, 5).replace("# a comment does not count as a change", "# reworded comment"))));
        assertThat(again.unchanged()).contains(code, code + "_PAIR");
        assertThat(again.written()).isEmpty();
        assertThat(catalog.requireItem(code).promisedDays()).isEqualTo(2);

        // the file's definition changes: it replaces the edit
        var changed = loader.load(List.of(new DefinitionFileLoader.Source("test.yaml", file(code, 4))));
        assertThat(changed.written()).containsExactly(code);
        assertThat(catalog.requireItem(code).promisedDays()).isEqualTo(4);
        assertThat(editor.stored(code).orElseThrow().edited()).isFalse();
    }

    @Test
    void anInvalidDefinitionInAFileIsRefusedWithItsReasonsAndTheStoredOneKept() {
        String code = "TEST_FILE_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        loader.load(List.of(new DefinitionFileLoader.Source("test.yaml", file(code, 5))));

        String broken = file(code, 30).replace("310104-SCJG", "310104-XX");
        var report = loader.load(List.of(new DefinitionFileLoader.Source("broken.yaml", broken),
                new DefinitionFileLoader.Source("garbage.yaml", "items: [{code: X, colour: red}]")));
        assertThat(report.refused()).anySatisfy(r -> assertThat(r)
                .contains("broken.yaml", code, "department unknown-department", "promisedDays promised-exceeds-legal"));
        assertThat(report.refused()).anySatisfy(r -> assertThat(r).contains("garbage.yaml", "unknown-field"));
        assertThat(catalog.requireItem(code).department()).isEqualTo("310104-SCJG");
        assertThat(catalog.requireItem(code).promisedDays()).isEqualTo(5);
    }

    @Test
    void theShippedFilesAreAllValidAndLoaded() {
        var report = loader.load(loader.read());
        assertThat(report.refused()).isEmpty();
        assertThat(report.unchanged()).contains("HOTEL_CHANGE", "HOUSE_SALE", "RIDE_HAILING", "BARBER_HYGIENE",
                "BUSINESS_SCOPE_CHANGE", "HOTEL_LIQUOR_CHANGE", "HOTEL_HYGIENE_CHANGE", "HOTEL_SPECIAL_TRADE_CHANGE",
                "HOTEL_FOOD_CHANGE", "HOUSE_TRANSFER_REGISTRATION", "HOUSE_SALE_TAX");
    }

    @Test
    void everyStoredDefinitionSurvivesTheRoundTripThroughTheYamlBox() {
        for (StoredItem item : editor.storedItems()) {
            String yaml = definitions.toYaml(item.definition());
            assertThat(definitions.itemFromYaml(yaml)).as(yaml).isEqualTo(item.definition());
        }
        for (StoredBundle bundle : editor.storedBundles()) {
            assertThat(definitions.bundleFromYaml(definitions.toYaml(bundle.definition()))).isEqualTo(bundle.definition());
        }
        assertThat(definitions.toYaml(editor.stored("RIDE_HAILING").orElseThrow().definition()))
                .contains("itemType: \"01\"", "- element: person.vehicle_plate\n    required: true");
    }

    @Test
    void anEditOnAnotherNodeIsSeenWithinSeconds() throws Exception {
        String code = "TEST_FILE_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        loader.load(List.of(new DefinitionFileLoader.Source("test.yaml", file(code, 5))));
        assertThat(catalog.requireItem(code).promisedDays()).isEqualTo(5);
        // another node writes to the shared database; this node learns of it only through the version poll
        ItemDefinition other = withPromisedDays(editor.stored(code).orElseThrow().definition(), 1);
        jdbc.sql("UPDATE services_item SET definition = ?::jsonb WHERE code = ?")
                .params(definitions.toJson(other), code).update();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(catalog.requireItem(code).promisedDays()).isEqualTo(1));
    }

    private static ItemDefinition withPromisedDays(ItemDefinition d, int days) {
        return new ItemDefinition(d.code(), d.implementationCode(), d.nameZh(), d.nameEn(), d.department(), d.itemType(),
                d.level(), d.legalDays(), days, d.conditions(), d.modes(), d.fees(), d.applicantType(), d.purpose(),
                d.elements(), d.materials(), d.resultLicenseType(), d.resultHolder(), d.autoDecision(), d.paperForm(),
                d.legalBasis(), d.place(), d.keywords());
    }
}
