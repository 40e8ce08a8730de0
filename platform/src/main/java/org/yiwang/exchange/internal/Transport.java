package org.yiwang.exchange.internal;

import java.util.concurrent.CompletableFuture;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.ConnectorKind;

/** Sends a message to a department system of one kind; completes exceptionally with a {@link DeliveryFailure}. */
interface Transport {

    ConnectorKind kind();

    CompletableFuture<Void> send(Connector connector, String secret, Message message);
}
