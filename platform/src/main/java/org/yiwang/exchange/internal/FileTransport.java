package org.yiwang.exchange.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.ConnectorKind;

/**
 * One file per delivery in the connector's outbox folder (its endpoint), named by the change's time and the
 * delivery id so files sort in order and a repeat finds its file already there. Written under a temporary name and
 * moved into place, so the department never reads half a file. Option {@code format}: {@code csv} (default) or
 * {@code xlsx}.
 */
@Component
class FileTransport implements Transport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
            .withZone(ZoneOffset.UTC);

    @Override
    public ConnectorKind kind() {
        return ConnectorKind.FILE;
    }

    @Override
    public CompletableFuture<Void> send(Connector connector, String secret, Message message) {
        try {
            Path folder = Path.of(connector.endpoint());
            Files.createDirectories(folder);
            String name = STAMP.format(message.occurredAt()) + "-" + message.id() + "."
                    + connector.option("format", "csv");
            Path target = folder.resolve(name);
            if (!Files.exists(target)) {
                Path temp = folder.resolve("." + name + ".tmp");
                Sheets.write(temp, List.of(row(message)));
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new DeliveryFailure("folder", e));
        }
    }

    private static Map<String, String> row(Message m) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("YW_ID", m.id().toString());
        row.put("YW_TYPE", m.type());
        row.put("YW_TIME", m.occurredAt().toString());
        row.put("YW_PART", m.partId() == null ? "" : m.partId().toString());
        row.put("YW_REFERENCE", m.reference() == null ? "" : m.reference());
        row.put("YW_ITEM", m.item() == null ? "" : m.item());
        row.put("YW_SUBSCRIPTION", m.subscription() == null ? "" : m.subscription());
        row.put("YW_CHANGED", m.changed() == null ? "" : String.join(";", m.changed()));
        if (m.status() != null) row.put("YW_STATUS", m.status());
        row.putAll(m.data());
        return row;
    }
}
