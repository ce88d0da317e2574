package dev.dlforge.models.lm.rnn;

/**
 * The shape of a {@link RecurrentLm}.
 *
 * @param vocabSize tokens V
 * @param embedDim embedding size E
 * @param hidden state size H of each recurrent layer
 * @param layers stacked recurrent layers
 * @param dropout rate on the embeddings, between layers and before the output layer
 * @param cell {@code LSTM} or {@code GRU}
 */
public record RecurrentLmConfig(int vocabSize, int embedDim, int hidden, int layers, float dropout, Cell cell) {

    /** The recurrent unit. */
    public enum Cell {
        /** Long short-term memory (Hochreiter and Schmidhuber, 1997): state (h, c). */
        LSTM,
        /** Gated recurrent unit (Cho et al., 2014): state h. */
        GRU
    }

    public RecurrentLmConfig {
        if (vocabSize < 2 || embedDim < 1 || hidden < 1 || layers < 1) {
            throw new IllegalArgumentException("vocab size must be at least 2 and embedding, hidden and layers at least 1, got "
                    + vocabSize + ", " + embedDim + ", " + hidden + ", " + layers);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** Arrays of the recurrent state: h and c for an LSTM, h for a GRU. */
    public int stateArrays() {
        return cell == Cell.LSTM ? 2 : 1;
    }
}
