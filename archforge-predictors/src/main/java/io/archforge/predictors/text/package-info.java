/**
 * The language-model encoding of architectures: English descriptions embedded by the
 * all-MiniLM-L6-v2 sentence encoder, run in process and offline. {@link
 * io.archforge.predictors.text.TextEncoding} creates the encoder.
 */
package io.archforge.predictors.text;
