package org.yiwang.exchange.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.exchange.Connector;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.ViolationTexts;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where department systems post results. Two checks: the API key (which department is calling) and the HMAC
 * signature with the connector's secret over the exact bytes received (the body was not changed on the way, and the
 * timestamp bounds replays). Either failing changes nothing.
 */
@RestController
@Tag(name = "Exchange results", description = "部门系统回传办理结果(API 密钥 + HMAC 签名)")
@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
class ResultsApi {

    private final ExchangeStates states;
    private final Results results;
    private final JsonMapper json;
    private final ViolationTexts texts;
    private final Clock clock;

    ResultsApi(ExchangeStates states, Results results, JsonMapper json, ViolationTexts texts, Clock clock) {
        this.states = states;
        this.results = results;
        this.json = json;
        this.texts = texts;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/exchange/results", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "A result for a delivered part: ACCEPTED, RETURNED (questioned fields), APPROVED (license data) or REJECTED",
            description = "Signed with HMAC-SHA256 and the connector's secret over timestamp + \".\" + the raw body"
                    + " (docs/integration.md)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = InboundResult.class))))
    InboundResult.Answer post(Actor actor, @RequestHeader(name = Signatures.CONNECTOR, required = false) String code,
                              @RequestHeader(name = Signatures.TIMESTAMP, required = false) String timestamp,
                              @RequestHeader(name = Signatures.SIGNATURE, required = false) String signature,
                              @RequestBody byte[] body) {
        ExchangeState state = states.current();
        Connector connector = code == null ? null : state.connector(code).orElse(null);
        if (connector == null) {
            throw new InvalidInputException(List.of(Violation.of(Signatures.CONNECTOR, "unknown-connector")), 401);
        }
        if (!connector.department().equals(actor.departmentCode())) {
            throw new AccessDeniedProblem(Signatures.CONNECTOR, "OTHER_DEPARTMENT", texts.text(
                    "problem.connector-of-other-department", null, "the connector belongs to another department"));
        }
        if (!Signatures.valid(state.secrets().get(connector.code()), timestamp, signature, body, clock.instant())) {
            throw new InvalidInputException(List.of(Violation.of(Signatures.SIGNATURE, "signature")), 401);
        }
        InboundResult result;
        try {
            result = json.readValue(body, InboundResult.class);
        } catch (JacksonException e) {
            throw InvalidInputException.of("body", "result-json");
        }
        return results.apply(connector, result);
    }
}
