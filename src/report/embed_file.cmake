# embed_file.cmake — run as `cmake -DINPUT=file -DOUTPUT=file.inc -P embed_file.cmake`: writes the
# bytes of INPUT as a comma-separated list of hex literals, to #include inside a C++ array
# initializer (no length limit and no escaping, unlike a string literal).
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT} by embed_file.cmake; do not edit.\n${bytes}\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
