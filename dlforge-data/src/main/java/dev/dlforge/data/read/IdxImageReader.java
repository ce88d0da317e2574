package dev.dlforge.data.read;

import dev.dlforge.data.DatasetFiles;
import dev.dlforge.data.image.LabeledImages;
import java.io.IOException;
import java.nio.file.Path;

/** A pair of IDX files, images and labels, as labelled images; checks that they belong together. */
public final class IdxImageReader {
    private IdxImageReader() {}

    public static LabeledImages read(Path dir, String imagesFile, String labelsFile, int classes) throws IOException {
        Path imagesPath = DatasetFiles.locate(dir, imagesFile).orElseThrow(() -> new IOException("missing " + imagesFile + " in " + dir));
        Path labelsPath = DatasetFiles.locate(dir, labelsFile).orElseThrow(() -> new IOException("missing " + labelsFile + " in " + dir));
        IdxReader.IdxArray images = IdxReader.read(imagesPath, 3);
        IdxReader.IdxArray labels = IdxReader.read(labelsPath, 1);
        if (images.count() != labels.count()) {
            throw new IOException(labelsPath.getFileName() + " has " + labels.count() + " labels but "
                    + imagesPath.getFileName() + " has " + images.count() + " images: the files do not belong together");
        }
        int[] y = new int[labels.count()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.data()[i] & 0xFF;
            if (y[i] >= classes) {
                throw new IOException(labelsPath.getFileName() + ": label " + y[i] + " at position " + i
                        + " is out of range for " + classes + " classes");
            }
        }
        return new LabeledImages(images.data(), y, 1, images.dims()[1], images.dims()[2]);
    }
}
