package dev.dlforge.data.datasets;

import dev.dlforge.data.Dataset;
import dev.dlforge.data.DatasetProvider;
import java.util.List;

/** Labelled images: the digit sets (OpenCV sheet, font-rendered, MNIST), Fashion-MNIST and CIFAR-10. */
public final class ImageDatasets implements DatasetProvider {
    @Override
    public int position() {
        return 100;
    }

    @Override
    public List<Dataset<?>> datasets() {
        return List.of(new OpencvDigits(), new FontDigits(), new Mnist(), new FashionMnist(), new Cifar10());
    }
}
