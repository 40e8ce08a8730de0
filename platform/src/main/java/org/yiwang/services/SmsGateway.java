package org.yiwang.services;

/**
 * Sends a text message to a phone. The embedded default only logs a masked line; a real gateway is plugged in by
 * configuration ({@code yiwang.sms.url}) or by providing another bean of this type.
 */
public interface SmsGateway {

    void send(String phone, String message);
}
