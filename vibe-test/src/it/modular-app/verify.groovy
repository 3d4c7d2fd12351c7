// The build passed; check that both tests ran and passed: the JUnit test and the jqwik property (10 tries).
def reports = new File(basedir, 'target/surefire-reports')
def suites = [:]
reports.eachFileMatch(~/TEST-.*\.xml/) { file ->
    def suite = new groovy.xml.XmlSlurper().parse(file)
    suites[suite.@name.text()] = [tests: suite.@tests.toInteger(), failures: suite.@failures.toInteger(),
                                  errors: suite.@errors.toInteger(), skipped: suite.@skipped.toInteger()]
}
println "consumer test suites: ${suites}"
['com.example.app.BusiestServerTest', 'com.example.app.PeakPropertyTest'].each { name ->
    assert suites[name] != null : "no report of ${name}"
    assert suites[name].tests == 1 && suites[name].failures == 0 && suites[name].errors == 0 && suites[name].skipped == 0 : "${name}: ${suites[name]}"
}
def log = new File(basedir, 'build.log').text
assert log.contains('tries = 10') : 'the jqwik property did not report its tries'
return true
