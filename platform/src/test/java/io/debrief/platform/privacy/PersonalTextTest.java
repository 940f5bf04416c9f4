package io.debrief.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalTextTest {

    private static final String LOOP = "7d3f0c9e-5a53-4c1e-9e55-0f1d6a2b7c11";
    private static final String NAME = "Nguyễn Thị Lan";

    @Test
    void encryptedTextOpensWithItsKeyForItsLoopOnly() {
        byte[] key = PersonalText.newKey();
        String sealed = PersonalText.encrypt(key, LOOP, NAME);

        assertThat(sealed).startsWith(PersonalText.PREFIX).doesNotContain("Lan");
        assertThat(PersonalText.decrypt(key, LOOP, sealed)).contains(NAME);
        assertThat(PersonalText.decrypt(key, "another-loop", sealed)).isEmpty();
        assertThat(PersonalText.decrypt(PersonalText.newKey(), LOOP, sealed)).isEmpty();
    }

    @Test
    void withoutItsKeyEncryptedTextIsUnreadable() {
        String sealed = PersonalText.encrypt(PersonalText.newKey(), LOOP, NAME);

        assertThat(PersonalText.decrypt(null, LOOP, sealed)).isEmpty();
    }

    @Test
    void theSameTextSealsDifferentlyEveryTime() {
        byte[] key = PersonalText.newKey();

        assertThat(PersonalText.encrypt(key, LOOP, NAME)).isNotEqualTo(PersonalText.encrypt(key, LOOP, NAME));
    }

    @Test
    void plainTextAndNullPassThrough() {
        assertThat(PersonalText.decrypt(null, LOOP, NAME)).contains(NAME);
        assertThat(PersonalText.decrypt(null, LOOP, null)).isEmpty();
        assertThat(PersonalText.encrypt(PersonalText.newKey(), LOOP, null)).isNull();
    }

    @Test
    void aDamagedValueIsUnreadableRatherThanAFailure() {
        byte[] key = PersonalText.newKey();
        String sealed = PersonalText.encrypt(key, LOOP, NAME);
        // a character inside the ciphertext (the last one may carry only padding bits)
        int at = PersonalText.PREFIX.length() + 20;
        char c = sealed.charAt(at);
        String damaged = sealed.substring(0, at) + (c == 'A' ? 'B' : 'A') + sealed.substring(at + 1);

        assertThat(PersonalText.decrypt(key, LOOP, damaged)).isEmpty();
        assertThat(PersonalText.decrypt(key, LOOP, PersonalText.PREFIX + "***")).isEmpty();
        assertThat(PersonalText.decrypt(key, LOOP, PersonalText.PREFIX + "AAAA")).isEmpty();
    }
}
