export declare const bitCount: number;
export declare function keyBit(scope: string, key: string): number;
export declare function setBit(bits: Uint8Array, bit: number): void;
export declare function hasBit(bits: Uint8Array, bit: number): boolean;
