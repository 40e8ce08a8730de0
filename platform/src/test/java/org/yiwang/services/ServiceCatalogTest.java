package org.yiwang.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.IntegrationTest;
import org.yiwang.directory.ActorPrincipal;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;
import org.yiwang.services.ServiceItem.HandlingMode;
import org.yiwang.services.ServiceItem.Material;

/** The demo catalog as loaded from the definition files, and the search over it. */
@IntegrationTest
class ServiceCatalogTest {

    static final ActorPrincipal RESIDENT = new ActorPrincipal(
            new Actor("svccat-resident", Role.RESIDENT, null, null, null, Set.of()), "", true);

    @Autowired ServiceCatalog catalog;
    @Autowired MockMvc mvc;

    @Test
    void theHotelChangeIsOneBundleOfFourDepartmentsLicences() {
        Bundle hotel = catalog.requireBundle("HOTEL_CHANGE");
        assertThat(hotel.nameZh()).contains("旅馆变更");
        List<ServiceItem> items = hotel.items().stream().map(catalog::requireItem).toList();
        assertThat(items).extracting(ServiceItem::department)
                .containsExactly("310104-SW", "310104-WJW", "310104-GA", "310104-SCJG");
        assertThat(items).extracting(ServiceItem::resultLicenseType)
                .containsExactly("LIQUOR_RETAIL", "PUBLIC_HYGIENE", "SPECIAL_TRADE", "FOOD_BUSINESS");
        assertThat(items).allSatisfy(item -> {
            assertThat(item.applicantType()).isEqualTo(SubjectType.LEGAL_ENTITY);
            assertThat(item.elements()).extracting(ServiceItem.ItemElement::element)
                    .contains("entity.name", "entity.credit_code", "entity.address", "entity.legal_rep_name", "entity.phone");
            // the business licence and the item's own current licence are read, never asked for
            assertThat(item.materials()).filteredOn(Material::electronic).extracting(Material::licenseType)
                    .contains("BUSINESS_LICENSE", item.resultLicenseType());
            // each department's own form asks the same facts again: the baseline
            assertThat(item.paperForm()).extracting(ServiceItem.PaperField::element).contains("entity.name", "entity.credit_code");
        });
        // the browser test walks this bundle: at most one upload, and not a required one
        List<Material> uploads = items.stream().flatMap(i -> i.materials().stream()).filter(m -> !m.electronic()).toList();
        assertThat(uploads).hasSizeLessThanOrEqualTo(1).noneMatch(Material::required);
    }

    @Test
    void theRideHailingCheckReadsThreeLicencesAndIsDecidedAutomatically() {
        ServiceItem ride = catalog.requireItem("RIDE_HAILING");
        assertThat(ride.department()).isEqualTo("310104-JT");
        assertThat(ride.applicantType()).isEqualTo(SubjectType.PERSON);
        assertThat(ride.purpose()).isEqualTo("RIDE_HAILING_CHECK");
        assertThat(ride.autoDecision()).isEqualTo("RIDE_HAILING_BACKGROUND");
        assertThat(ride.resultLicenseType()).isEqualTo("RIDE_HAILING_DRIVER");
        assertThat(ride.materials()).allMatch(Material::electronic).extracting(Material::licenseType)
                .containsExactly("ID_CARD", "HOUSEHOLD_REGISTER", "DRIVER_LICENSE");
        assertThat(ride.elements()).contains(new ServiceItem.ItemElement("person.vehicle_plate", true),
                new ServiceItem.ItemElement("person.driver_license_class", true));
        assertThat(ride.promisedDays()).isLessThanOrEqualTo(ride.legalDays());
    }

    @Test
    void theHouseSaleJoinsHousingAndTaxAndTheTransferNamesTheBuyerAsHolder() {
        Bundle house = catalog.requireBundle("HOUSE_SALE");
        assertThat(house.items().stream().map(catalog::requireItem).map(ServiceItem::department))
                .containsExactlyInAnyOrder("310104-FG", "310104-SWJ");
        ServiceItem transfer = catalog.requireItem("HOUSE_TRANSFER_REGISTRATION");
        assertThat(transfer.resultLicenseType()).isEqualTo("PROPERTY_CERT");
        assertThat(transfer.resultHolder()).isEqualTo("house.buyer_citizen_id");
        assertThat(transfer.materials()).extracting(Material::code)
                .containsExactly("PROPERTY_CERT", "ID_CARD", "MARRIAGE_CERT", "SALE_CONTRACT");
        assertThat(transfer.materials()).filteredOn(m -> !m.electronic()).extracting(Material::nameZh)
                .containsExactly("存量房买卖合同");
        assertThat(catalog.requireItem("HOUSE_SALE_TAX").resultLicenseType()).isEqualTo("TAX_PAYMENT_CERT");
    }

    @Test
    void theBarberShopAndTheScopeChangeAreThere() {
        ServiceItem barber = catalog.requireItem("BARBER_HYGIENE");
        assertThat(barber.department()).isEqualTo("310104-WJW");
        assertThat(barber.resultLicenseType()).isEqualTo("PUBLIC_HYGIENE");
        assertThat(barber.modes()).contains(HandlingMode.COMMITMENT);
        ServiceItem scope = catalog.requireItem("BUSINESS_SCOPE_CHANGE");
        assertThat(scope.department()).isEqualTo("310104-SCJG");
        assertThat(scope.purpose()).isEqualTo("MARKET_SUPERVISION");
        assertThat(scope.resultLicenseType()).isEqualTo("BUSINESS_LICENSE");
        assertThat(scope.elements()).contains(new ServiceItem.ItemElement("entity.business_scope", true, true));
    }

    @Test
    void searchFindsTheHotelBundleAndTheRideHailingItemByEverydayWords() throws Exception {
        ServiceCatalog.SearchResult hotel = catalog.search("旅馆");
        assertThat(hotel.bundles()).extracting(Bundle::code).contains("HOTEL_CHANGE");
        assertThat(hotel.bundles()).extracting(Bundle::code).doesNotContain("HOUSE_SALE");
        assertThat(catalog.search("网约车").items()).extracting(ServiceItem::code).containsExactly("RIDE_HAILING");
        // by department name: the tax bureau's item, and the bundle it belongs to
        ServiceCatalog.SearchResult tax = catalog.search("税务局");
        assertThat(tax.items()).extracting(ServiceItem::code).contains("HOUSE_SALE_TAX");
        assertThat(tax.bundles()).extracting(Bundle::code).contains("HOUSE_SALE");

        mvc.perform(get("/api/v1/services/search").param("q", "网约车").with(user(RESIDENT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", hasItem("RIDE_HAILING")))
                .andExpect(jsonPath("$.items[*].code", not(hasItem("BARBER_HYGIENE"))));
        mvc.perform(get("/api/v1/services/search").param("q", "旅馆").with(user(RESIDENT)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.bundles[*].code", hasItem("HOTEL_CHANGE")));
    }

    @Test
    void anyoneSignedInReadsItemsAndBundles() throws Exception {
        mvc.perform(get("/api/v1/services/items").with(user(RESIDENT)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].code", hasItem("BARBER_HYGIENE")));
        mvc.perform(get("/api/v1/services/items/RIDE_HAILING").with(user(RESIDENT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.department").value("310104-JT"))
                .andExpect(jsonPath("$.materials[0].licenseType").value("ID_CARD"));
        mvc.perform(get("/api/v1/services/bundles").with(user(RESIDENT)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].code", hasItem("HOUSE_SALE")));
        mvc.perform(get("/api/v1/services/bundles/HOTEL_CHANGE").with(user(RESIDENT)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(4));
        mvc.perform(get("/api/v1/services/items/NO_SUCH_ITEM").with(user(RESIDENT)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("item"));
        mvc.perform(get("/api/v1/services/bundles/NO_SUCH_BUNDLE").with(user(RESIDENT)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("bundle"));
    }
}
