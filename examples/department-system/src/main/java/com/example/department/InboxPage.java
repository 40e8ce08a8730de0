package com.example.department;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The officer's page: what arrived from yiwang, newest first, and the decisions to send back. */
@Controller
@Profile("!legacy")
class InboxPage {

    private static final String LICENSE_PREFIX = "license.";
    /** The officers read times in China Standard Time, whatever zone the server runs in. */
    private static final ZoneId OFFICE_TIME = ZoneId.of("Asia/Shanghai");

    private final DepartmentProperties department;
    private final Inbox inbox;
    private final SentResults results;
    private final ResultSender sender;
    private final Answers answers;

    InboxPage(DepartmentProperties department, Inbox inbox, SentResults results, ResultSender sender,
            Answers answers) {
        this.department = department;
        this.inbox = inbox;
        this.results = results;
        this.sender = sender;
        this.answers = answers;
    }

    @GetMapping("/")
    String inbox(Model model) {
        List<Received> received = inbox.newestFirst(200);
        Map<String, List<SentResult>> sent = results.byDelivery(received.stream().map(Received::key).toList());
        model.addAttribute("department", department);
        model.addAttribute("zone", OFFICE_TIME);
        model.addAttribute("received", received);
        model.addAttribute("results", sent);
        model.addAttribute("answers", answers);
        model.addAttribute("states", states(received, sent));
        return "department/inbox";
    }

    /**
     * Where each received part stands in yiwang: what yiwang last told (a status delivery, when another route
     * decided it) or answered to this system's own result, whichever is newer.
     */
    private Map<String, PartState> states(List<Received> received, Map<String, List<SentResult>> sent) {
        Map<String, PartState> states = new HashMap<>(inbox.yiwangStatus(received.stream()
                .filter(r -> Delivery.APPLICATION_PART.equals(r.type())).map(Received::partId).distinct().toList()));
        sent.values().stream().flatMap(List::stream).filter(SentResult::accepted).forEach(s -> {
            states.merge(s.partId(), new PartState(answers.answeredStatus(s), s.sentAt()),
                    (a, b) -> a.at().isAfter(b.at()) ? a : b);
        });
        return states;
    }

    @PostMapping("/received/{key}/result")
    String sendResult(@PathVariable String key, @RequestParam String status,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) List<String> questioned,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> license = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(LICENSE_PREFIX) && value != null && !value.isBlank()) {
                license.put(name.substring(LICENSE_PREFIX.length()), value.trim());
            }
        });
        try {
            Received delivery = inbox.find(key).orElseThrow(() ->
                    new Refusal(HttpStatus.NOT_FOUND, "key", "exists", "nothing was received under " + key));
            redirect.addFlashAttribute("sent", sender.send(delivery, new ResultRequest(status, reason, questioned, license, null)));
        } catch (Refusal refusal) {
            redirect.addFlashAttribute("error", refusal.field() + ": " + refusal.getMessage());
        }
        return "redirect:/#d-" + key;
    }
}
