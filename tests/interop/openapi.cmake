# OpenAPI import: documents in tests/interop/data, and gatehouse-ctl api create --from-openapi.
gatehouse_add_test(tst_openapiimport SOURCES tst_openapiimport.cpp LIBRARIES gatehouse_interop LABELS "interop")
target_compile_definitions(tst_openapiimport PRIVATE OPENAPI_TEST_DATA="${CMAKE_CURRENT_SOURCE_DIR}/data")

gatehouse_add_test(tst_ctlopenapi SOURCES tst_ctlopenapi.cpp LIBRARIES gatehouse_core LABELS "interop;ctl")
target_compile_definitions(tst_ctlopenapi PRIVATE
    GATEHOUSE_CTL_PATH="$<TARGET_FILE:gatehouse-ctl>"
    OPENAPI_TEST_DATA="${CMAKE_CURRENT_SOURCE_DIR}/data")
add_dependencies(tst_ctlopenapi gatehouse-ctl)
