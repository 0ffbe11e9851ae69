# sloth_embed_files(OUT_CPP NAMESPACE SYMBOL FILES...): compiles text files into a C++ table of
# {name, contents}, with its count and hash, so the binaries carry them (the module signature
# files in stdlib/defs/).
function(sloth_embed_files out_cpp symbol)
  set(files ${ARGN})
  add_custom_command(
    OUTPUT ${out_cpp}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_cpp} -DSYMBOL=${symbol} "-DFILES=${files}"
            -P ${CMAKE_SOURCE_DIR}/cmake/EmbedFiles.cmake
    DEPENDS ${files} ${CMAKE_SOURCE_DIR}/cmake/EmbedFiles.cmake
    COMMENT "Embedding ${symbol}"
    VERBATIM)
endfunction()
