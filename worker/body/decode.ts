/** Text decoding lives in the shared table module; re-exported for the Worker's modules. */
export { bomOf, createDecoder, encodingOfBody, encodingOfCharset, invalidUtf8At, type ChunkDecoder, type Encoding } from '../../rules/tables/decode.ts';
