package com.example.department;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** JSON view of what this system received and did, for tests and automation (the officer uses the page). */
@RestController
@Profile("!legacy")
@RequestMapping("/api")
class ReceivedApi {

    /** What was received, how many repeats were acknowledged, how many deliveries were refused. */
    record Stats(long received, long duplicates, long rejected) {}

    private final Inbox inbox;
    private final SentResults results;
    private final ResultSender sender;
    private final Counters counters;
    private final JsonMapper json;

    ReceivedApi(Inbox inbox, SentResults results, ResultSender sender, Counters counters, JsonMapper json) {
        this.inbox = inbox;
        this.results = results;
        this.sender = sender;
        this.counters = counters;
        this.json = json;
    }

    @GetMapping("/received")
    List<Received> received() {
        return inbox.newestFirst(1000);
    }

    @GetMapping("/received/{key}")
    Received received(@PathVariable String key) {
        return found(key);
    }

    @GetMapping("/received/{key}/results")
    List<SentResult> results(@PathVariable String key) {
        found(key);
        return results.of(key);
    }

    /** Signs and sends a result to yiwang; answers with yiwang's HTTP status and body. */
    @PostMapping("/received/{key}/result")
    Map<String, Object> sendResult(@PathVariable String key, @RequestBody ResultRequest request) {
        SentResult sent = sender.send(found(key), request);
        if (sent.httpStatus() == null) {
            throw new Refusal(HttpStatus.BAD_GATEWAY, "yiwang-url", "reachable", sent.answer());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", sent.httpStatus());
        answer.put("body", parsed(sent.answer()));
        answer.put("resultId", sent.resultId());
        return answer;
    }

    @GetMapping("/stats")
    Stats stats() {
        return new Stats(inbox.count(), counters.get(Counters.Counter.DUPLICATES), counters.get(Counters.Counter.REJECTED));
    }

    private Received found(String key) {
        return inbox.find(key).orElseThrow(() ->
                new Refusal(HttpStatus.NOT_FOUND, "key", "exists", "nothing was received under " + key));
    }

    private Object parsed(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            return json.readTree(answer);
        } catch (JacksonException notJson) {
            return answer;
        }
    }
}
