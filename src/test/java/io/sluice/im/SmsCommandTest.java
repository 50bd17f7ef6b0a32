package io.sluice.im;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsCommandTest {

    @Test
    void addressingAUserTakesTheRestAsText() {
        assertThat(SmsCommand.parse("@Alice  hello there")).isEqualTo(new SmsCommand.Address("alice", "hello there"));
        assertThat(SmsCommand.parse("@alice")).isEqualTo(new SmsCommand.Address("alice", ""));
    }

    @Test
    void keywordsInAnyCaseWhenTheyAreTheWholeText() {
        assertThat(SmsCommand.parse(" who ")).isEqualTo(new SmsCommand.Who());
        assertThat(SmsCommand.parse("Help")).isEqualTo(new SmsCommand.Help());
        assertThat(SmsCommand.parse("?")).isEqualTo(new SmsCommand.Help());
        assertThat(SmsCommand.parse("add Bob")).isEqualTo(new SmsCommand.Add("bob"));
        assertThat(SmsCommand.parse("DEL +447700900123")).isEqualTo(new SmsCommand.Del("+447700900123"));
    }

    @Test
    void sentencesThatStartWithAKeywordAreChat() {
        assertThat(SmsCommand.parse("who is this?")).isEqualTo(new SmsCommand.Chat("who is this?"));
        assertThat(SmsCommand.parse("add me to the list")).isEqualTo(new SmsCommand.Chat("add me to the list"));
        assertThat(SmsCommand.parse("help me")).isEqualTo(new SmsCommand.Chat("help me"));
        assertThat(SmsCommand.parse("ADD")).isEqualTo(new SmsCommand.Chat("ADD"));
    }

    @Test
    void plainTextIsChat() {
        assertThat(SmsCommand.parse("see you at 8")).isEqualTo(new SmsCommand.Chat("see you at 8"));
        assertThat(SmsCommand.parse(null)).isEqualTo(new SmsCommand.Chat(""));
    }
}
