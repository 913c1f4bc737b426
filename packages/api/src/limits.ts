/** A batch larger than this is rejected with 400; the web client splits batches at the same size. */
export const MAX_BATCH_SIZE = 10;
