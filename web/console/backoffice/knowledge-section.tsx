/** The Knowledge section: FAQ review, the product graph and the fault graph, as tabs (#/knowledge/products…). */
import { useEffect, useState } from 'preact/hooks'
import type { BackofficeApi } from './backoffice-api.js'
import type { BackofficeStrings } from './backoffice-i18n.js'
import { FaultGraphView } from './fault-graph-view.js'
import { KnowledgeView } from './knowledge-view.js'
import { ProductGraphView } from './product-graph-view.js'

export type KnowledgeTab = 'faq' | 'products' | 'faults'
const TABS: KnowledgeTab[] = ['faq', 'products', 'faults']

const tabFromHash = (): KnowledgeTab => {
  const t = location.hash.replace(/^#\/?/, '').split('/')[1] as KnowledgeTab
  return TABS.includes(t) ? t : 'faq'
}

export function KnowledgeSection(props: { api: BackofficeApi; bo: BackofficeStrings; canWrite: boolean }) {
  const [tab, setTab] = useState<KnowledgeTab>(tabFromHash)
  const [focus, setFocus] = useState<{ category: string; symptom: string } | null>(null)
  useEffect(() => {
    const on = () => setTab(tabFromHash())
    window.addEventListener('hashchange', on)
    return () => window.removeEventListener('hashchange', on)
  }, [])
  const go = (t: KnowledgeTab) => {
    location.hash = t === 'faq' ? '#/knowledge' : `#/knowledge/${t}`
    setTab(t)
  }
  return (
    <div class="bo-knowledge-section">
      <div class="bo-tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            data-tab={t}
            aria-selected={tab === t}
            class={tab === t ? 'active' : ''}
            onClick={() => {
              setFocus(null)
              go(t)
            }}
          >
            {props.bo.graph.tabs[t]}
          </button>
        ))}
      </div>
      {tab === 'faq' && <KnowledgeView {...props} />}
      {tab === 'products' && (
        <ProductGraphView
          api={props.api}
          bo={props.bo}
          onFault={(category, symptom) => {
            setFocus({ category, symptom })
            go('faults')
          }}
        />
      )}
      {tab === 'faults' && <FaultGraphView key={focus?.symptom ?? ''} api={props.api} bo={props.bo} focus={focus} />}
    </div>
  )
}
