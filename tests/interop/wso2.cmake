# WSO2 API projects (apictl's format) in and out, and the gatehouse-ctl export / import commands.
gatehouse_add_test(tst_wso2project SOURCES tst_wso2project.cpp LIBRARIES gatehouse_interop LABELS "interop")
gatehouse_add_test(tst_ctlinterop SOURCES tst_ctlinterop.cpp LIBRARIES gatehouse_interop LABELS "interop;ctl")
target_compile_definitions(tst_ctlinterop PRIVATE GATEHOUSE_CTL_PATH="$<TARGET_FILE:gatehouse-ctl>")
add_dependencies(tst_ctlinterop gatehouse-ctl)
