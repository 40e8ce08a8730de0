package com.example.department;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Profile {@code legacy}: the police officers' view of the legacy database — the applications yiwang wrote and a
 * form to record a decision, the way their old software would.
 */
@Controller
@Profile("legacy")
class LegacyPage {

    private final DepartmentProperties department;
    private final DataSource dataSource;

    LegacyPage(DepartmentProperties department, DataSource dataSource) {
        this.department = department;
        this.dataSource = dataSource;
        // the tables must exist before yiwang's JDBC connector first writes or polls
        LegacyDatabase.create(dataSource);
    }

    @GetMapping("/")
    String legacy(Model model) {
        model.addAttribute("department", department);
        model.addAttribute("applications", LegacyDatabase.applications(dataSource));
        model.addAttribute("results", LegacyDatabase.results(dataSource));
        model.addAttribute("statuses", List.of(LegacyDatabase.Status.values()));
        return "department/legacy";
    }

    @PostMapping("/legacy/results")
    String record(@RequestParam String deliveryId, @RequestParam String applicationNo,
            @RequestParam LegacyDatabase.Status status, @RequestParam(required = false) String opinion,
            @RequestParam(required = false) String licenceScope, @RequestParam(required = false) String reference,
            RedirectAttributes redirect) {
        LegacyDatabase.recordResult(dataSource, deliveryId, applicationNo, status, blankToNull(opinion),
                blankToNull(licenceScope));
        // people read the application number, not the ids
        redirect.addFlashAttribute("recorded", reference == null || reference.isBlank() ? applicationNo : reference);
        return "redirect:/";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
