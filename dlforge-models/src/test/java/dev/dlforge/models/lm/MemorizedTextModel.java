package dev.dlforge.models.lm;

import ai.djl.ndarray.NDManager;

/**
 * A model that has memorised one continuation: after a prompt of any length, the i-th generated token is
 * {@code script[i]} (logit 10, all others 0); past the script it repeats the last token.
 */
final class MemorizedTextModel implements LanguageModel {
    private final int vocabSize;
    private final int[] script;

    MemorizedTextModel(int vocabSize, int[] script) {
        this.vocabSize = vocabSize;
        this.script = script;
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public int contextLength() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Session newSession(NDManager manager, boolean useCache) {
        return new Session() {
            private int length;
            private int promptLength = -1;

            @Override
            public float[] feed(int[] tokens) {
                if (promptLength < 0) {
                    promptLength = tokens.length;
                }
                length += tokens.length;
                float[] logits = new float[vocabSize];
                logits[script[Math.min(length - promptLength, script.length - 1)]] = 10f;
                return logits;
            }

            @Override
            public int length() {
                return length;
            }

            @Override
            public void close() {}
        };
    }
}
