package io.debrief.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal free text (a candidate's name, a final decision's reason) as it travels in events and rests in the
 * databases that only pass it on: {@code enc:v1:} + base64url of a 12-byte nonce and the AES-256-GCM ciphertext with its
 * tag, under the loop's own key and bound to the loop's id (the additional data), so a value copied to another loop does
 * not open. scorecard-service keeps the keys; erasing a loop destroys its key, and every copy of the text, on every topic
 * and in every database, is unreadable at once (crypto-shredding).
 *
 * <p>A value without the prefix is plain text (events written before encryption, fixtures, outside producers) and is
 * shown as it is.
 */
public final class PersonalText {

    public static final String PREFIX = "enc:v1:";

    /** Bytes of a loop key (AES-256). */
    public static final int KEY_BYTES = 32;

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalText() {
    }

    /** A fresh loop key. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** {@code text} sealed under {@code key} for {@code loopId}; null stays null. */
    public static String encrypt(byte[] key, String loopId, String text) {
        if (text == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, loopId);
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * The text of {@code value}: itself when it is plain, the opened text when {@code key} seals it for {@code loopId},
     * empty when it cannot be opened (no key: the loop was erased; another key or loop; a damaged value).
     */
    public static Optional<String> decrypt(byte[] key, String loopId, String value) {
        if (!isEncrypted(value)) {
            return Optional.ofNullable(value);
        }
        if (key == null) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(value.substring(PREFIX.length()));
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            byte[] nonce = new byte[NONCE_BYTES];
            System.arraycopy(in, 0, nonce, 0, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, loopId);
            return Optional.of(new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String loopId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(loopId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
