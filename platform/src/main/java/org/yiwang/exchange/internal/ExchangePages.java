package org.yiwang.exchange.internal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.catalog.Catalog;
import org.yiwang.directory.Directory;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.Connectors;
import org.yiwang.exchange.Mapping;
import org.yiwang.exchange.Subscription;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.MenuItem;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;
import org.yiwang.kernel.ViolationTexts;
import org.yiwang.services.ServiceCatalog;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * 数据交换 operations: deliveries by connector and state with retry and replay; each connector's mapping (edited as
 * YAML, every save a new version) with a dry run on a sample subject; the subscriptions.
 */
@Controller
@PreAuthorize("hasAnyRole('DATA_ADMIN', 'SYSTEM_ADMIN')")
class ExchangePages {

    private static final List<String> STATES = List.of("PENDING", "SENDING", "DELIVERED", "DEAD");

    private final Connectors connectors;
    private final Operations operations;
    private final YAMLMapper yaml = YAMLMapper.builder().build();

    private final ViolationTexts texts;
    private final Directory directory;
    private final Catalog catalog;
    private final ServiceCatalog services;

    ExchangePages(Connectors connectors, Operations operations, ViolationTexts texts, Directory directory,
                  Catalog catalog, ServiceCatalog services) {
        this.texts = texts;
        this.directory = directory;
        this.catalog = catalog;
        this.services = services;
        this.connectors = connectors;
        this.operations = operations;
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        MenuItem exchangeMenu() {
            return new MenuItem("exchange.menu", "/exchange", EnumSet.of(Role.DATA_ADMIN, Role.SYSTEM_ADMIN), 250);
        }
    }

    @GetMapping("/exchange")
    String overview(@RequestParam(required = false) String connector, @RequestParam(required = false) String state,
                    Model model) {
        model.addAttribute("figures", operations.figures());
        model.addAttribute("connectors", connectors.list());
        model.addAttribute("departments", departmentNames(connectors.list()));
        model.addAttribute("subscriptions", connectors.subscriptions());
        model.addAttribute("labels", labels(connectors.list(), connectors.subscriptions()));
        model.addAttribute("deliveries", operations.deliveries(connector, state, 100));
        model.addAttribute("connector", connector);
        model.addAttribute("state", state);
        model.addAttribute("states", STATES);
        return "exchange/overview";
    }

    /** People read a department's name, not its code, in their language. */
    private Map<String, String> departmentNames(List<Connector> list) {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        Map<String, String> names = new HashMap<>();
        list.stream().map(Connector::department).distinct().forEach(code -> names.put(code, directory.department(code)
                .map(d -> english && d.nameEn() != null ? d.nameEn() : d.name()).orElse(code)));
        return names;
    }

    /** The Chinese (or English) names of the items, elements and purposes the connectors and subscriptions name. */
    private Map<String, String> labels(List<Connector> list, List<Subscription> subscriptions) {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        Map<String, String> labels = new HashMap<>();
        list.stream().flatMap(c -> c.items().stream()).distinct().forEach(code -> services.item(code)
                .ifPresent(i -> labels.put(code, english ? i.nameEn() : i.nameZh())));
        subscriptions.stream().flatMap(s -> s.elements().stream()).distinct().forEach(code -> catalog.element(code)
                .ifPresent(e -> labels.put(code, english ? e.nameEn() : e.nameZh())));
        subscriptions.stream().map(Subscription::purpose).distinct().forEach(code -> catalog.purpose(code)
                .ifPresent(p -> labels.put(code, english ? p.nameEn() : p.nameZh())));
        return labels;
    }

    @PostMapping("/exchange/deliveries/{id}/replay")
    String replay(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("replayed", operations.replay(id));
        return back(operations.delivery(id).connector());
    }

    @PostMapping("/exchange/deliveries/{id}/retry")
    String retry(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("retried", operations.retryNow(id));
        return back(operations.delivery(id).connector());
    }

    @PostMapping("/exchange/connectors/{code}/replay")
    String replayDead(@PathVariable String code, RedirectAttributes redirect) {
        redirect.addFlashAttribute("replayed", operations.replayDead(code));
        return back(code);
    }

    @GetMapping("/exchange/connectors/{code}")
    String connector(@PathVariable String code, Model model) {
        Connector connector = require(code);
        String text = connectors.mapping(code).map(m -> yaml.writeValueAsString(m.mapping())).orElse("""
                fields: {}
                codes: {}
                formats: {}
                items: {}
                statuses: {}
                licenseFields: {}
                """);
        return connectorPage(model, connector, text, List.of());
    }

    @PostMapping("/exchange/connectors/{code}/mapping")
    String saveMapping(Actor actor, @PathVariable String code, @RequestParam String mapping, Model model,
                       RedirectAttributes redirect) {
        Connector connector = require(code);
        try {
            Mapping parsed = yaml.readValue(mapping, Mapping.class);
            int version = connectors.saveMapping(actor, code, parsed).version();
            redirect.addFlashAttribute("saved", version);
            return "redirect:" + UriComponentsBuilder.fromPath("/exchange/connectors/{code}").buildAndExpand(code)
                    .encode().toUriString();
        } catch (JacksonException e) {
            return connectorPage(model, connector, mapping,
                    List.of(new InvalidInputException.Violation("mapping", "yaml", e.getOriginalMessage())));
        } catch (InvalidInputException e) {
            return connectorPage(model, connector, mapping, e.violations());
        }
    }

    @PostMapping("/exchange/connectors/{code}/preview")
    String preview(Actor actor, @PathVariable String code, @RequestParam SubjectType subjectType,
                   @RequestParam String key, @RequestParam String use, Model model) {
        Connector connector = require(code);
        String text = connectors.mapping(code).map(m -> yaml.writeValueAsString(m.mapping())).orElse("");
        try {
            model.addAttribute("preview", connectors.preview(actor, code, new SubjectRef(subjectType, key), use));
            return connectorPage(model, connector, text, List.of());
        } catch (InvalidInputException e) {
            return connectorPage(model, connector, text, e.violations());
        } catch (AccessDeniedProblem | NotFoundProblem e) {
            return connectorPage(model, connector, text,
                    List.of(new InvalidInputException.Violation("key", "refused", e.getMessage())));
        }
    }

    private String connectorPage(Model model, Connector connector, String mapping,
                                 List<InvalidInputException.Violation> violations) {
        model.addAttribute("c", connector);
        model.addAttribute("departments", departmentNames(List.of(connector)));
        model.addAttribute("mapping", mapping);
        model.addAttribute("versions", connectors.mappingHistory(connector.code()));
        model.addAttribute("violations", violations);
        model.addAttribute("uses", connectors.subscriptions().stream()
                .filter(s -> s.connector().equals(connector.code())).map(s -> s.code()).toList());
        model.addAttribute("subjectTypes", SubjectType.values());
        return "exchange/connector";
    }

    private Connector require(String code) {
        return connectors.find(code).orElseThrow(() -> new NotFoundProblem("connector",
                texts.text("problem.unknown-connector", null, "unknown connector")));
    }

    private static String back(String connector) {
        return "redirect:" + UriComponentsBuilder.fromPath("/exchange").queryParam("connector", connector).encode()
                .toUriString();
    }
}
