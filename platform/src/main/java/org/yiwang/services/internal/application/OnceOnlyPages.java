package org.yiwang.services.internal.application;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.yiwang.kernel.MenuItem;
import org.yiwang.kernel.Role;

/** The once-only report: a page for every bundle and item, and the same figures as JSON. */
@Controller
class OnceOnlyPages {

    private final OnceOnlyReport report;

    OnceOnlyPages(OnceOnlyReport report) {
        this.report = report;
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        MenuItem onceOnlyMenu() {
            return new MenuItem("services.menu.onceOnly", "/services/once-only",
                    Set.of(Role.DATA_ADMIN, Role.COMMAND_CENTER, Role.SYSTEM_ADMIN), 240);
        }
    }

    @GetMapping("/services/once-only")
    String page(Model model) {
        model.addAttribute("figures", report.all());
        return "services/once-only";
    }

    @GetMapping("/api/v1/services/once-only")
    @ResponseBody
    @Operation(summary = "Typed and uploaded against the departments' separate forms, for every bundle and item")
    List<OnceOnlyReport.Figures> all() {
        return report.all();
    }

    @GetMapping("/api/v1/services/once-only/{kind}/{code}")
    @ResponseBody
    OnceOnlyReport.Figures one(@PathVariable String kind, @PathVariable String code) {
        return report.of(ApplyPages.kind(kind), code);
    }
}
