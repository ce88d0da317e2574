package dev.dlforge.data.datasets;

import dev.dlforge.data.Dataset;
import dev.dlforge.data.image.ImageClassData;

/** A dataset of labelled images with a train and a test split. */
public interface ImageClassificationDataset extends Dataset<ImageClassData> {}
