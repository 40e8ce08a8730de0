package org.yiwang.licenses.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.kernel.FieldCipher;

/**
 * The issuing departments' Ed25519 keys. A department's key pair is created the first time it signs, in its own
 * transaction (so a rolled-back issue never leaves a key only one node knows), and stored in the database for
 * every node: the private key sealed with the field encryption key, the public key in the clear for anyone who
 * verifies. Keys never change once written, so nodes keep them in memory after the first read.
 */
@Component
class SigningKeys {

    static final String ALGORITHM = "Ed25519";
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    /** A published public key. */
    record PublicKeyInfo(String department, String keyId, String algorithm, String publicKey, Instant createdAt) {}

    private record SigningKey(String keyId, PrivateKey privateKey) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final TransactionTemplate ownTransaction;
    private final Map<String, SigningKey> signing = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> verifying = new ConcurrentHashMap<>();

    SigningKeys(JdbcClient jdbc, FieldCipher cipher, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Signs with the department's key (created on first use); returns the key id and the signature. */
    Signed sign(String department, byte[] data) {
        SigningKey key = signing.computeIfAbsent(department, this::loadOrCreate);
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key.privateKey());
            signature.update(data);
            return new Signed(key.keyId(), signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    record Signed(String keyId, byte[] signature) {}

    /** Whether {@code signature} is the given key's signature of {@code data}; false for an unknown key. */
    boolean verify(String keyId, byte[] data, byte[] signature) {
        Optional<PublicKey> key = publicKey(keyId);
        if (key.isEmpty()) return false;
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key.get());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature is as good as a wrong one
        }
    }

    List<PublicKeyInfo> publicKeys() {
        return jdbc.sql("SELECT department_code, key_id, algorithm, public_key, created_at FROM licenses_signing_key "
                        + "ORDER BY department_code")
                .query((rs, n) -> new PublicKeyInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                        Base64.getEncoder().encodeToString(rs.getBytes(4)), rs.getTimestamp(5).toInstant()))
                .list();
    }

    private Optional<PublicKey> publicKey(String keyId) {
        PublicKey cached = verifying.get(keyId);
        if (cached != null) return Optional.of(cached);
        Optional<PublicKey> loaded = jdbc.sql("SELECT public_key FROM licenses_signing_key WHERE key_id = ?")
                .param(keyId).query((rs, n) -> decodePublic(rs.getBytes(1))).optional();
        loaded.ifPresent(k -> verifying.put(keyId, k));
        return loaded;
    }

    private SigningKey loadOrCreate(String department) {
        return ownTransaction.execute(status -> {
            Optional<SigningKey> existing = load(department);
            if (existing.isPresent()) return existing.get();
            KeyPair pair = generate();
            byte[] publicKey = pair.getPublic().getEncoded();
            String sealed = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
            int inserted = jdbc.sql("INSERT INTO licenses_signing_key (department_code, key_id, algorithm, public_key, "
                            + "private_key) VALUES (?, ?, ?, ?, ?) ON CONFLICT (department_code) DO NOTHING")
                    .params(department, keyId(publicKey), ALGORITHM, publicKey, cipher.encrypt(sealed)).update();
            if (inserted == 1) log.info("Created the {} signing key of {}", ALGORITHM, department);
            // another node may have won the race: its key is the one
            return load(department).orElseThrow();
        });
    }

    private Optional<SigningKey> load(String department) {
        return jdbc.sql("SELECT key_id, private_key FROM licenses_signing_key WHERE department_code = ?")
                .param(department)
                .query((rs, n) -> new SigningKey(rs.getString(1), decodePrivate(rs.getBytes(2))))
                .optional();
    }

    private PrivateKey decodePrivate(byte[] sealed) {
        try {
            byte[] pkcs8 = Base64.getDecoder().decode(cipher.decrypt(sealed));
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key unreadable", e);
        }
    }

    private static PublicKey decodePublic(byte[] x509) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored public key unreadable", e);
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK without " + ALGORITHM, e);
        }
    }

    /** First 16 hex digits of the SHA-256 of the public key: names the key in licenses and in the key list. */
    static String keyId(byte[] publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
