package io.archforge.torch.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCorporaTest {

    @TempDir
    Path folder;

    @Test
    void bundledJargonIsTheExcerpt() {
        TextCorpus corpus = TextCorpora.bundledJargon();

        assertThat(corpus.name()).isEqualTo("jargon");
        assertThat(corpus.source()).contains("bundled excerpt");
        assertThat(corpus.text().getBytes(StandardCharsets.UTF_8))
                .hasSize(TextCorpora.JARGON_EXCERPT_BYTES);
        assertThat(corpus.text()).contains("The Jargon File").endsWith("\n");
    }

    @Test
    void packageTextMatchesBundledExcerpt() {
        assumeTrue(Files.isRegularFile(TextCorpora.JARGON_PACKAGE_FILE),
                "the Debian package jargon-text is not installed");

        TextCorpus installed = TextCorpora.jargon();

        assertThat(installed.source()).contains("jargon-text");
        assertThat(installed.text()).isEqualTo(TextCorpora.bundledJargon().text());
    }

    @Test
    void splitIsChronological() {
        TextCorpus corpus = new TextCorpus("t", "test", "abcdefghij".repeat(10));

        assertThat(corpus.splitIndex()).isEqualTo(90);
        assertThat(corpus.trainText()).isEqualTo(corpus.text().substring(0, 90));
        assertThat(corpus.heldOutText()).isEqualTo("abcdefghij");
    }

    @Test
    void utf8FileIsRead() throws IOException {
        Path file = folder.resolve("notes.txt");
        Files.writeString(file, "naïve café\n", StandardCharsets.UTF_8);

        TextCorpus corpus = TextCorpora.file("text:" + file, file);

        assertThat(corpus.text()).isEqualTo("naïve café\n");
        assertThat(corpus.source()).isEqualTo(file.toString());
    }

    @Test
    void latin1FileNamesLineAndByte() throws IOException {
        Path file = folder.resolve("latin1.txt");
        Files.write(file, "first line\nna\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> TextCorpora.file("text:" + file, file))
                .isInstanceOf(TextDataException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("byte 0xEF at offset 13 (line 2)")
                .hasMessageContaining("iconv");
    }

    @Test
    void missingFileIsReported() {
        Path file = folder.resolve("absent.txt");

        assertThatThrownBy(() -> TextCorpora.file("text:" + file, file))
                .isInstanceOf(TextDataException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not found");
    }

    @Test
    void shortTextIsRejected() {
        TextCorpus corpus = new TextCorpus("text:short.txt", "short.txt", "x".repeat(649));

        assertThat(TextCorpus.minimumLength(64)).isEqualTo(650);
        assertThatThrownBy(() -> TokenSplit.of(corpus, 64))
                .isInstanceOf(TextDataException.class)
                .hasMessageContaining("short.txt has 649 characters")
                .hasMessageContaining("650 needed")
                .hasMessageContaining("longer text");
        assertThat(TokenSplit.of(new TextCorpus("t", "t", "x".repeat(650)), 64)
                .heldOutLength()).isEqualTo(65);
    }

    @Test
    void unseenCharactersMapToUnknown() {
        TextCorpus corpus = new TextCorpus("t", "test", "ab".repeat(45) + "abcabcabca");
        TokenSplit split = TokenSplit.of(corpus, 4);

        assertThat(split.vocabulary().size()).isEqualTo(3);
        assertThat(split.heldOut(2)).isEqualTo(split.vocabulary().unknownId());
        assertThat(split.heldOut(0)).isEqualTo(split.vocabulary().id('a'));
    }
}
