// Renders a Vault agent template the way the agent's consul-template does for
// the functions the dogcare templates use: `secret "path"` answers the
// secret's response ({"Data": ...}) from a JSON fixture instead of Vault.
//
//	go run main.go TEMPLATE_FILE SECRETS_JSON
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"text/template"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: main TEMPLATE_FILE SECRETS_JSON")
		os.Exit(2)
	}
	text, err := os.ReadFile(os.Args[1])
	check(err)
	raw, err := os.ReadFile(os.Args[2])
	check(err)
	var secrets map[string]map[string]any
	check(json.Unmarshal(raw, &secrets))
	funcs := template.FuncMap{
		"secret": func(path string) (map[string]any, error) {
			data, ok := secrets[path]
			if !ok {
				return nil, fmt.Errorf("no secret at %s", path)
			}
			return map[string]any{"Data": data}, nil
		},
	}
	tmpl, err := template.New("vault").Funcs(funcs).Option("missingkey=error").Parse(string(text))
	check(err)
	check(tmpl.Execute(os.Stdout, nil))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
