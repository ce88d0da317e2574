package dev.dlforge.core.image;

import dev.dlforge.core.DlforgeException;

/**
 * An image that could not start decoding because other images held the whole {@link DecodeBudget}
 * for longer than the bounded wait. Nothing is wrong with the image: the HTTP layer should answer 503
 * with {@code Retry-After}, not 400.
 */
public final class ImageDecodeBusyException extends DlforgeException {
    ImageDecodeBusyException(String message, String hint) {
        super(message, hint);
    }
}
