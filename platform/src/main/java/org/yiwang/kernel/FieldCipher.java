package org.yiwang.kernel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest for personal identifiers (ID numbers, phone numbers): AES-256-GCM with a random 96-bit
 * nonce, and a keyed blind index (HMAC-SHA256) so that equality lookups work without decrypting. Two
 * independent keys; both come from configuration (see docs/operations.md).
 */
public final class FieldCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();
    // provider lookups cost more than the crypto on these short values: one instance per thread
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance(() -> Cipher.getInstance("AES/GCM/NoPadding")));
    private final ThreadLocal<Mac> macs;

    public FieldCipher(byte[] encryptionKey, byte[] indexKey) {
        if (encryptionKey.length != 32 || indexKey.length != 32) {
            throw new IllegalArgumentException("both keys must be 256 bits");
        }
        this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
        this.indexKey = new SecretKeySpec(indexKey, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> instance(() -> {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(this.indexKey);
            return mac;
        }));
    }

    private interface Factory<T> {
        T create() throws GeneralSecurityException;
    }

    private static <T> T instance(Factory<T> factory) {
        try {
            return factory.create();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK crypto unavailable", e);
        }
    }

    public byte[] encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(byte[] stored) {
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong key or tampered value", e);
        }
    }

    /** Deterministic keyed index of a value: equal inputs give equal indexes, nothing else is revealed. */
    public byte[] blindIndex(String plain) {
        return macs.get().doFinal(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The blind index as hex, for places that key records by subject without holding the identifier. */
    public String blindIndexHex(String plain) {
        return HexFormat.of().formatHex(blindIndex(plain));
    }
}
