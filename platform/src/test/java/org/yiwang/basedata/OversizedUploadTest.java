package org.yiwang.basedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;
import org.yiwang.directory.ApiClients;
import org.yiwang.kernel.Role;

/** A file over the upload limit is refused by the real servlet container with a problem naming the rule. */
@IntegrationTest
class OversizedUploadTest {

    @LocalServerPort int port;
    @Autowired ApiClients clients;
    @Autowired JdbcClient jdbc;

    @Test
    void anOversizedFileIsAProblemAndNothingIsImported() throws Exception {
        String key = clients.create("oversize-" + System.nanoTime(), "310000-DSJ", Role.DATA_ADMIN, null);
        long imports = jdbc.sql("SELECT count(*) FROM basedata_import").query(Long.class).single();
        String boundary = "yiwang-boundary";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nperson.citizen_id,person.name\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] body = (head + "x".repeat(2 * 1024 * 1024) + tail).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/imports?type=PERSON&method=AUTHORITATIVE"
                                + "&sourceDepartment=310104-GA"))
                .header("X-Api-Key", key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"field\":\"file\"").contains("\"rule\":\"max-size\"");
        assertThat(jdbc.sql("SELECT count(*) FROM basedata_import").query(Long.class).single()).isEqualTo(imports);
    }
}
